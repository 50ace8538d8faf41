import { Field, InputType, registerEnumType } from "type-graphql";
import { AudienceEnum, LearningFormatEnum, RoleEnum } from "../common/enums.ts";
import type { AudienceCode, LearningFormatCode, RoleCode } from "../taxonomy/codes.ts";
import type { CoverageLevel } from "./coverage.service.ts";

export const CoverageLevelEnum = { DISTRICT: "DISTRICT", REGION: "REGION" } as const;
registerEnumType(CoverageLevelEnum, {
  name: "CoverageLevel",
  description: "Gliederung der Matrix: 44 Stadt- und Landkreise (DISTRICT) oder 4 Regierungsbezirke (REGION).",
});
export const ModuleTierEnum = { BASIS: "BASIS", VERTIEFUNG: "VERTIEFUNG" } as const;
registerEnumType(ModuleTierEnum, {
  name: "ModuleTier",
  description: "Modulstufe: Basismodule (M01–M18) oder Vertiefungsmodule (V01–V11).",
});

@InputType("CoverageInput", { description: "Zeitraum, Gliederung und Filter der Abdeckungsmatrix." })
export class CoverageInput {
  @Field(() => Date, { nullable: true, description: "Beginn des Zeitraums (Standard: jetzt)." }) from?: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: "Ende des Zeitraums, ausschließlich (Standard: Beginn + 12 Monate; höchstens 36 Monate).",
  })
  to?: Date | null;
  @Field(() => CoverageLevelEnum, { nullable: true, description: "Standard: DISTRICT." }) level?: CoverageLevel | null;
  @Field(() => RoleEnum, { nullable: true, description: "Nur Angebote für dieses Aufgabenfeld." })
  role?: RoleCode | null;
  @Field(() => LearningFormatEnum, { nullable: true, description: "Nur Angebote dieses Lernformats." })
  learningFormat?: LearningFormatCode | null;
  @Field(() => AudienceEnum, {
    nullable: true,
    description: "Nur Angebote für diese Zielgruppe (Angebote ohne Zielgruppenangabe zählen mit).",
  })
  audience?: AudienceCode | null;
  @Field(() => ModuleTierEnum, { nullable: true, description: "Nur Basis- oder nur Vertiefungsmodule." }) tier?:
    "BASIS" | "VERTIEFUNG" | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Online-Angebote in jeder Region mitzählen (Standard: nein, sie werden gesondert gezählt).",
  })
  countOnlineInRegions?: boolean | null;
}

@InputType("CoverageOffersInput", {
  description:
    "Die Angebote hinter einer Zahl der Matrix: Zelle (Modul + Region), Modul- oder Regionssumme, Online-Zeile.",
})
export class CoverageOffersInput extends CoverageInput {
  @Field(() => String, { nullable: true, description: "Modulcode (M01–M18, V01–V11)." }) moduleCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Kreisschlüssel (Ebene DISTRICT) oder Schlüssel des Regierungsbezirks (Ebene REGION).",
  })
  regionKey?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "true: nur Online-Angebote; false: keine Online-Angebote; leer: wie in der Matrix.",
  })
  online?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Den Vergleichszeitraum statt des Zeitraums zeigen." })
  previous?: boolean | null;
}
