/**
 * The part of schema.org's vocabulary the published JSON-LD uses: each type with the
 * properties schema.org defines for it (own and inherited), as listed on schema.org/<Type>
 * (Thing → CreativeWork → Course; Thing → Event → CourseInstance; Thing → Intangible → Offer).
 * A property outside these sets is not schema.org's, or sits on a type that lacks it.
 */
const THING = ["name", "description", "url", "sameAs", "identifier", "image"];
const CREATIVE_WORK = [...THING, "inLanguage", "keywords", "provider", "offers", "about", "audience"];
const EVENT = [...THING, "startDate", "endDate", "location", "offers", "subEvent", "eventAttendanceMode", "organizer"];

export const SCHEMA_ORG_TERMS: Readonly<Record<string, ReadonlySet<string>>> = {
  Course: new Set([...CREATIVE_WORK, "hasCourseInstance", "courseCode", "coursePrerequisites", "teaches"]),
  CourseInstance: new Set([...EVENT, "courseMode", "courseSchedule", "instructor", "courseWorkload"]),
  Event: new Set(EVENT),
  Place: new Set([...THING, "address", "geo"]),
  PostalAddress: new Set([
    ...THING,
    "streetAddress",
    "postalCode",
    "addressLocality",
    "addressRegion",
    "addressCountry",
  ]),
  VirtualLocation: new Set(THING),
  Offer: new Set([...THING, "price", "priceCurrency", "availability", "validFrom", "category"]),
  Organization: new Set([...THING, "email", "address"]),
};
