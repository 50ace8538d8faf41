import { describe, expect, it } from "vitest";
import { decodeText, sanitiseDescription } from "./sanitise.ts";

describe("sanitiseDescription: hostile input", () => {
  it.each([
    ["<p>Hallo<script>alert(1)</script></p>", "<p>Hallo</p>"],
    ['<img src=x onerror="alert(1)"><p>Text</p>', "<p>Text</p>"],
    ['<a href="javascript:alert(1)">klick</a>', "<a>klick</a>"],
    ['<a href="JaVaScRiPt:alert(1)">klick</a>', "<a>klick</a>"],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"],
    ['<svg onload="alert(1)"><text>boom</text></svg><p>ok</p>', "<p>ok</p>"],
    ['<p onclick="steal()">Text</p>', "<p>Text</p>"],
    ["<style>body{display:none}</style><p>Text</p>", "<p>Text</p>"],
    ['<iframe src="https://evil.example"></iframe><p>Text</p>', "<p>Text</p>"],
    [
      '<a href="https://example.org/x" target="_blank" onclick="x()">Link</a>',
      '<a href="https://example.org/x" rel="noopener nofollow">Link</a>',
    ],
    [
      '<a href="mailto:info@example.org">Mail</a>',
      '<a href="mailto:info@example.org" rel="noopener nofollow">Mail</a>',
    ],
    ['<a href="//evil.example/">x</a>', "<a>x</a>"],
    ["<h1>Titel</h1><div>Absatz</div>", "<h3>Titel</h3><p>Absatz</p>"],
    ['<p style="color:red" class="x">Text</p>', "<p>Text</p>"],
  ])("%s", (input, html) => {
    expect(sanitiseDescription(input).html).toBe(html);
  });
});

describe("sanitiseDescription: malformed tags", () => {
  it.each([
    "<p>offen <b>fett<p>kaputt",
    "<p <script>x</script>>Text",
    "<<script>script>alert(1)<</script>/script>",
    "<a href='https://x.example'>ohne Ende",
  ])("%s closes every tag and keeps no script", (input) => {
    const { html } = sanitiseDescription(input);
    const opened = (html.match(/<(p|b|a|li|ul)\b/g) ?? []).length;
    const closed = (html.match(/<\/(p|b|a|li|ul)>/g) ?? []).length;
    expect(opened).toBe(closed);
    expect(html).not.toMatch(/<script|<\/script/i);
  });
});

describe("sanitiseDescription: plain text", () => {
  it("turns blocks into lines and decodes entities", () => {
    const r = sanitiseDescription(
      "<p>Planung &amp; Moderation</p><ul><li>Erstens</li><li>Zweitens&nbsp;und&nbsp;mehr</li></ul><p>Ende<br>neue   Zeile</p>",
    );
    expect(r.text).toBe("Planung & Moderation\n- Erstens\n- Zweitens und mehr\n\nEnde\nneue Zeile");
  });

  it("wraps text without tags into paragraphs", () => {
    const r = sanitiseDescription("Erster Absatz\nmit Umbruch.\n\nZweiter Absatz: 3 < 5 & mehr");
    expect(r.html).toBe("<p>Erster Absatz<br />mit Umbruch.</p><p>Zweiter Absatz: 3 &lt; 5 &amp; mehr</p>");
    expect(r.text).toBe("Erster Absatz\nmit Umbruch.\nZweiter Absatz: 3 < 5 & mehr");
  });

  it("is empty for nothing", () => {
    expect(sanitiseDescription(undefined)).toEqual({ html: "", text: "" });
  });
});

describe("decodeText", () => {
  it.each([
    ["Qualifizierung &amp; Beteiligung", "Qualifizierung & Beteiligung"],
    ["Fachtag&nbsp;&ndash; Quartier", "Fachtag – Quartier"],
    ["  Zwei\n  Zeilen  ", "Zwei Zeilen"],
    ["<b>fett</b> &#8222;zitiert&#8220;", "fett „zitiert“"],
  ])("%s", (input, text) => {
    expect(decodeText(input)).toBe(text);
  });
});
