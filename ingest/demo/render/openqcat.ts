/**
 * open-Qcat XML (the KURSNET upload format, BMEcat-like): a full catalogue
 * (`NEW_CATALOG FULLCATALOG="true"`), one SERVICE per offer with its dates, place and price.
 */
import type { DemoOffer } from "../catalogue.ts";
import { urlOf, type RenderContext } from "./context.ts";
import { escapeXml, scheduleProse, span, unitsProse } from "./german.ts";

const INSTRUCTION_FORM = {
  online: "Fernunterricht/Online",
  hybrid: "Blended Learning",
  onsite: "Präsenzveranstaltung",
} as const;

function service(ctx: RenderContext, offer: DemoOffer): string {
  const { start, end } = span(offer);
  const units = unitsProse(offer, ctx.provider.unitsStyle);
  const longText = [offer.description, units ? `Umfang: ${units}.` : null].filter(Boolean).join(" ");
  const form = offer.online
    ? INSTRUCTION_FORM.online
    : offer.hybrid
      ? INSTRUCTION_FORM.hybrid
      : INSTRUCTION_FORM.onsite;
  const location = offer.venue
    ? `              <LOCATION>
                <NAME>${escapeXml(offer.venue.name)}</NAME>
                <ADDRESS>
                  <STREET>${escapeXml(offer.venue.street)}</STREET>
                  <ZIP>${offer.venue.postalCode}</ZIP>
                  <CITY>${escapeXml(offer.venue.municipality)}</CITY>
                  <COUNTRY>DE</COUNTRY>
                </ADDRESS>
              </LOCATION>\n`
    : "";
  return `    <SERVICE mode="new">
      <PRODUCT_ID>${escapeXml(offer.id)}</PRODUCT_ID>
      <SUPPLIER_ID_REF type="supplier_specific">${escapeXml(ctx.provider.slug)}</SUPPLIER_ID_REF>
      <SERVICE_DETAILS>
        <TITLE>${escapeXml(offer.title)}</TITLE>
        <DESCRIPTION_LONG>${escapeXml(longText)}</DESCRIPTION_LONG>
        <SERVICE_DATE>
          <START_DATE>${start}</START_DATE>
          <END_DATE>${end}</END_DATE>
          <DATE_REMARKS>${escapeXml(scheduleProse(offer, "short"))}</DATE_REMARKS>
        </SERVICE_DATE>
${offer.keywords.map((k) => `        <KEYWORD>${escapeXml(k)}</KEYWORD>`).join("\n")}
        <TARGET_GROUP>
${offer.audienceText.map((a) => `          <TARGET_GROUP_TEXT>${escapeXml(a)}</TARGET_GROUP_TEXT>`).join("\n")}
        </TARGET_GROUP>
        <SERVICE_MODULE>
          <EDUCATION type="true">
            <COURSE_ID>${escapeXml(offer.id)}</COURSE_ID>
            <EXTENDED_INFO>
              <INSTRUCTION_FORM>${form}</INSTRUCTION_FORM>
            </EXTENDED_INFO>
            <MODULE_COURSE>
${location}              <DURATION type="teaching_units">${offer.teachingUnits !== null && units ? offer.teachingUnits : ""}</DURATION>
            </MODULE_COURSE>
          </EDUCATION>
        </SERVICE_MODULE>
        <MIME_INFO><MIME><MIME_TYPE>text/html</MIME_TYPE><MIME_SOURCE>${escapeXml(urlOf(ctx, offer))}</MIME_SOURCE><MIME_PURPOSE>detail</MIME_PURPOSE></MIME></MIME_INFO>
      </SERVICE_DETAILS>
      <SERVICE_PRICE_DETAILS>
        <SERVICE_PRICE>
          <PRICE_AMOUNT>${offer.price.toFixed(2)}</PRICE_AMOUNT>
          <PRICE_CURRENCY>EUR</PRICE_CURRENCY>
        </SERVICE_PRICE>
${offer.free ? "        <REMARKS>kostenfrei</REMARKS>\n" : ""}      </SERVICE_PRICE_DETAILS>
    </SERVICE>`;
}

export function renderOpenQcat(ctx: RenderContext): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OPENQCAT version="1.1">
  <HEADER>
    <GENERATOR_INFO>Seminarverwaltung 5.4 (open-Qcat-Export)</GENERATOR_INFO>
    <CATALOG>
      <LANGUAGE>deu</LANGUAGE>
      <CATALOG_ID>${escapeXml(ctx.provider.slug)}-gesamt</CATALOG_ID>
      <CATALOG_VERSION>1.0</CATALOG_VERSION>
      <CATALOG_NAME>Seminarprogramm ${escapeXml(ctx.provider.name)}</CATALOG_NAME>
      <DATETIME type="generation_date"><DATE>${ctx.baseDate}</DATE></DATETIME>
    </CATALOG>
    <SUPPLIER>
      <SUPPLIER_ID type="supplier_specific">${escapeXml(ctx.provider.slug)}</SUPPLIER_ID>
      <SUPPLIER_NAME>${escapeXml(ctx.provider.name)}</SUPPLIER_NAME>
      <ADDRESS type="supplier">
        <EMAIL>${escapeXml(ctx.provider.contactEmail)}</EMAIL>
        <PHONE>${escapeXml(ctx.provider.phone)}</PHONE>
      </ADDRESS>
    </SUPPLIER>
  </HEADER>
  <NEW_CATALOG FULLCATALOG="true">
${ctx.offers.map((o) => service(ctx, o)).join("\n")}
  </NEW_CATALOG>
</OPENQCAT>
`;
}
