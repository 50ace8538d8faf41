/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Wer die Zuordnung getroffen hat: automatisch, Analyst*in oder Anbieter. */
export type AssignmentSource =
  | 'ANALYST'
  | 'AUTOMATIC'
  | 'PROVIDER';

/** Zielgruppe laut Leitfaden. */
export type Audience =
  | 'CIVIL_SOCIETY_PROFESSIONALS'
  | 'LOCAL_POLITICIANS'
  | 'MUNICIPAL_STAFF'
  | 'VOLUNTEERS';

/** Entscheidung einer Analystin/eines Analysten; sie gilt vor der Maschine und übersteht jeden Import. */
export type ClassificationDecisionInput = {
  /** true: die Module der Maschine in einem Schritt übernehmen (sie werden zur Entscheidung und überstehen jeden Import). */
  accept?: boolean | null | undefined;
  /** Module, die zugeordnet werden. */
  addModules?: Array<string> | null | undefined;
  /** true: die Lernformat-Festlegung aufheben. */
  clearLearningFormat?: boolean | null | undefined;
  /** true: die Relevanz-Festlegung aufheben. */
  clearRelevant?: boolean | null | undefined;
  learningFormat?: LearningFormat | null | undefined;
  offerId: string;
  /** Begründung (für das Audit). */
  reason?: string | null | undefined;
  /** Relevanz festlegen; null = Maschine entscheidet wieder. */
  relevant?: boolean | null | undefined;
  /** Module, die entfernt werden. */
  removeModules?: Array<string> | null | undefined;
};

/** Zeitraum, Gliederung und Filter der Abdeckungsmatrix. */
export type CoverageInput = {
  /** Nur Angebote für diese Zielgruppe (Angebote ohne Zielgruppenangabe zählen mit). */
  audience?: Audience | null | undefined;
  /** Online-Angebote in jeder Region mitzählen (Standard: nein, sie werden gesondert gezählt). */
  countOnlineInRegions?: boolean | null | undefined;
  /** Beginn des Zeitraums (Standard: jetzt). */
  from?: string | null | undefined;
  /** Nur Angebote dieses Lernformats. */
  learningFormat?: LearningFormat | null | undefined;
  /** Standard: DISTRICT. */
  level?: CoverageLevel | null | undefined;
  /** Nur Angebote für dieses Aufgabenfeld. */
  role?: Role | null | undefined;
  /** Nur Basis- oder nur Vertiefungsmodule. */
  tier?: ModuleTier | null | undefined;
  /** Ende des Zeitraums, ausschließlich (Standard: Beginn + 12 Monate; höchstens 36 Monate). */
  to?: string | null | undefined;
};

/** Gliederung der Matrix: 44 Stadt- und Landkreise (DISTRICT) oder 4 Regierungsbezirke (REGION). */
export type CoverageLevel =
  | 'DISTRICT'
  | 'REGION';

/** Die Angebote hinter einer Zahl der Matrix: Zelle (Modul + Region), Modul- oder Regionssumme, Online-Zeile. */
export type CoverageOffersInput = {
  /** Nur Angebote für diese Zielgruppe (Angebote ohne Zielgruppenangabe zählen mit). */
  audience?: Audience | null | undefined;
  /** Online-Angebote in jeder Region mitzählen (Standard: nein, sie werden gesondert gezählt). */
  countOnlineInRegions?: boolean | null | undefined;
  /** Beginn des Zeitraums (Standard: jetzt). */
  from?: string | null | undefined;
  /** Nur Angebote dieses Lernformats. */
  learningFormat?: LearningFormat | null | undefined;
  /** Standard: DISTRICT. */
  level?: CoverageLevel | null | undefined;
  /** Modulcode (M01–M18, V01–V11). */
  moduleCode?: string | null | undefined;
  /** true: nur Online-Angebote; false: keine Online-Angebote; leer: wie in der Matrix. */
  online?: boolean | null | undefined;
  /** Den Vergleichszeitraum statt des Zeitraums zeigen. */
  previous?: boolean | null | undefined;
  /** Kreisschlüssel (Ebene DISTRICT) oder Schlüssel des Regierungsbezirks (Ebene REGION). */
  regionKey?: string | null | undefined;
  /** Nur Angebote für dieses Aufgabenfeld. */
  role?: Role | null | undefined;
  /** Nur Basis- oder nur Vertiefungsmodule. */
  tier?: ModuleTier | null | undefined;
  /** Ende des Zeitraums, ausschließlich (Standard: Beginn + 12 Monate; höchstens 36 Monate). */
  to?: string | null | undefined;
};

/** Zeitraum und Gliederung der Nachfrageauswertung. */
export type DemandInput = {
  /** Beginn (Standard: 90 Tage vor dem Ende). */
  from?: string | null | undefined;
  /** Standard: DISTRICT. */
  level?: CoverageLevel | null | undefined;
  /** Ende, ausschließlich (Standard: jetzt). */
  to?: string | null | undefined;
};

/** Schwellen der Aktualitätsübersicht; alle optional. */
export type FreshnessInput = {
  /** Ein Feed, der länger als so viele Stunden fehlschlägt, wird markiert (Standard 48). */
  failingAfterHours?: number | null | undefined;
  /** Ein Angebot gilt als veraltet, wenn es so viele Tage nicht bestätigt wurde (Standard 14). */
  staleAfterDays?: number | null | undefined;
  /** Zeitfenster der Fehlerquote in Tagen (Standard 30). */
  windowDays?: number | null | undefined;
};

/** Lernformat: Einführungs-, Basis- oder Vertiefungsqualifizierung. */
export type LearningFormat =
  | 'BASIS'
  | 'EINFUEHRUNG'
  | 'VERTIEFUNG';

/** Modulstufe: Basismodule (M01–M18) oder Vertiefungsmodule (V01–V11). */
export type ModuleTier =
  | 'BASIS'
  | 'VERTIEFUNG';

/** Filter für Angebote; alle Angaben sind optional und werden mit UND verknüpft. */
export type OfferFilter = {
  /** Kreisschlüssel (5 Ziffern), z. B. 08117. */
  districtKey?: string | null | undefined;
  /** Nur kostenfreie (true) oder nur kostenpflichtige (false). */
  free?: boolean | null | undefined;
  /** Angebote mit Terminen ab diesem Zeitpunkt. */
  from?: string | null | undefined;
  /** Lernbereiche (LB1–LB5), eines davon genügt. */
  learningAreas?: Array<string> | null | undefined;
  learningFormat?: LearningFormat | null | undefined;
  /** Module (M01–M18, V01–V11), eines davon genügt. */
  modules?: Array<string> | null | undefined;
  online?: boolean | null | undefined;
  providerId?: string | null | undefined;
  /** Regierungsbezirk: Schlüssel (081–084) oder Name. */
  region?: string | null | undefined;
  role?: Role | null | undefined;
  /** Freitext (deutsche Volltextsuche). */
  text?: string | null | undefined;
  /** Angebote mit Terminen bis zu diesem Zeitpunkt. */
  to?: string | null | undefined;
};

/** ACTIVE oder WITHDRAWN (aus dem Feed verschwunden, aufbewahrt). */
export type OfferStatus =
  | 'ACTIVE'
  | 'WITHDRAWN';

export type ProviderStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

/** Aufgabenfeld: Quartierskoordination (ein Quartier) oder Quartierssteuerung (die ganze Kommune). */
export type Role =
  | 'KOORDINATION'
  | 'STEUERUNG';

export type CoverageQueryVariables = Exact<{
  input?: CoverageInput | null | undefined;
}>;


export type CoverageQuery = { coverage: { level: CoverageLevel, period: { from: string, to: string }, previousPeriod: { from: string, to: string }, modules: Array<{ code: string, title: string, tier: string, learningArea: string }>, regions: Array<{ key: string, name: string }>, cells: Array<{ moduleCode: string, regionKey: string, offers: number, providers: number, sessions: number, previousOffers: number }>, online: Array<{ moduleCode: string, offers: number, providers: number, sessions: number }>, gaps: Array<{ moduleCode: string, regionKey: string, lastOfferedAt: string | null }>, totals: { offers: number, providers: number, sessions: number, online: number, previousOffers: number } } };

export type CoverageOffersQueryVariables = Exact<{
  input: CoverageOffersInput;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CoverageOffersQuery = { coverageOffers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, moduleCodes: Array<string> } }> } };

export type DemandQueryVariables = Exact<{
  input?: DemandInput | null | undefined;
}>;


export type DemandQuery = { demand: { level: CoverageLevel, period: { from: string, to: string }, rows: Array<{ moduleCode: string | null, regionKey: string | null, searches: number, emptySearches: number, uncoveredPathRequests: number, supply: number }>, topTerms: Array<{ term: string, searches: number, emptySearches: number }> } };

export type ProviderFreshnessQueryVariables = Exact<{
  input?: FreshnessInput | null | undefined;
}>;


export type ProviderFreshnessQuery = { providerFreshness: Array<{ providerId: string, name: string, offers: number, modules: Array<string>, staleShare: number, lastSuccessAt: string | null, lastChangeAt: string | null, flagged: boolean, feeds: Array<{ feedId: string, url: string | null, kind: string | null, state: string, lastSuccessAt: string | null, lastChangeAt: string | null, lastErrorAt: string | null, lastError: string | null, failingSince: string | null, flagged: boolean, runs: number, failedRuns: number, errorRate: number, offers: number, staleOffers: number }> }> };

export type OffersQueryVariables = Exact<{
  filter?: OfferFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OffersQuery = { offers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, title: string, online: boolean, free: boolean, moduleCodes: Array<string>, learningAreas: Array<string>, firstStart: string | null, provider: { id: string, name: string }, sessions: Array<{ start: string, end: string | null, allDay: boolean }>, location: { districtKey: string | null, district: string | null, region: string | null } | null, modules: Array<{ moduleCode: string, confidence: number, source: AssignmentSource, evidence: Array<string> }> } }> } };

export type OfferByIdQueryVariables = Exact<{
  id: string;
}>;


export type OfferByIdQuery = { offer: { id: string, title: string, status: OfferStatus, price: { amount: number, currency: string } | null, completeness: { score: number }, provenance: { adapter: string, sourceUrl: string } } | null };

export type ProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type ProvidersQuery = { providers: Array<{ id: string, name: string, status: ProviderStatus, offerCount: number }> };

export type ProviderByIdQueryVariables = Exact<{
  id: string;
}>;


export type ProviderByIdQuery = { provider: { id: string, name: string } | null };

export type ReviewQueueEvidenceQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type ReviewQueueEvidenceQuery = { reviewQueue: { totalCount: number, items: Array<{ reasons: Array<string>, openObjections: number, offer: { id: string, title: string, moduleCodes: Array<string>, needsReview: boolean }, machineModules: Array<{ moduleCode: string, confidence: number, source: AssignmentSource, evidence: Array<string> }>, history: Array<{ at: string, actorName: string | null, role: string | null, action: string, before: string | null, after: string | null, reason: string | null }> }> } };

export type DecideClassificationMutationVariables = Exact<{
  input: ClassificationDecisionInput;
}>;


export type DecideClassificationMutation = { decideClassification: { id: string, moduleCodes: Array<string>, needsReview: boolean, relevant: boolean } };

export type OfferHistoryQueryVariables = Exact<{
  offerId: string;
}>;


export type OfferHistoryQuery = { offerHistory: Array<{ at: string, actorName: string | null, role: string | null, action: string, entityId: string | null, before: string | null, after: string | null, reason: string | null }> };

export type TaxonomyAreasQueryVariables = Exact<{ [key: string]: never; }>;


export type TaxonomyAreasQuery = { taxonomy: { version: string, learningAreas: Array<{ code: string, name: string, guidingQuestion: string, modules: Array<{ code: string, format: LearningFormat, roles: Array<Role>, teachingUnits: number | null }> }>, roles: Array<{ code: Role, teachingUnits: number, inPersonUnits: number, selfStudyUnits: number }>, externalCurricula: Array<{ code: string, modules: Array<{ code: string, crosswalk: Array<{ moduleCode: string, strength: string }> }> }> } };


export const CoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Coverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousPeriod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"learningArea"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"regionKey"}},{"kind":"Field","name":{"kind":"Name","value":"offers"}},{"kind":"Field","name":{"kind":"Name","value":"providers"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"previousOffers"}}]}},{"kind":"Field","name":{"kind":"Name","value":"online"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"offers"}},{"kind":"Field","name":{"kind":"Name","value":"providers"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gaps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"regionKey"}},{"kind":"Field","name":{"kind":"Name","value":"lastOfferedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"}},{"kind":"Field","name":{"kind":"Name","value":"providers"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"previousOffers"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageQuery, CoverageQueryVariables>;
export const CoverageOffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageOffers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageOffersInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverageOffers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"moduleCodes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoverageOffersQuery, CoverageOffersQueryVariables>;
export const DemandDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Demand"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DemandInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"demand"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"regionKey"}},{"kind":"Field","name":{"kind":"Name","value":"searches"}},{"kind":"Field","name":{"kind":"Name","value":"emptySearches"}},{"kind":"Field","name":{"kind":"Name","value":"uncoveredPathRequests"}},{"kind":"Field","name":{"kind":"Name","value":"supply"}}]}},{"kind":"Field","name":{"kind":"Name","value":"topTerms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"term"}},{"kind":"Field","name":{"kind":"Name","value":"searches"}},{"kind":"Field","name":{"kind":"Name","value":"emptySearches"}}]}}]}}]}}]} as unknown as DocumentNode<DemandQuery, DemandQueryVariables>;
export const ProviderFreshnessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProviderFreshness"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"FreshnessInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerFreshness"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"offers"}},{"kind":"Field","name":{"kind":"Name","value":"modules"}},{"kind":"Field","name":{"kind":"Name","value":"staleShare"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"feeds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"feedId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastErrorAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"failedRuns"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"offers"}},{"kind":"Field","name":{"kind":"Name","value":"staleOffers"}}]}}]}}]}}]} as unknown as DocumentNode<ProviderFreshnessQuery, ProviderFreshnessQueryVariables>;
export const OffersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Offers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"OfferFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"free"}},{"kind":"Field","name":{"kind":"Name","value":"moduleCodes"}},{"kind":"Field","name":{"kind":"Name","value":"learningAreas"}},{"kind":"Field","name":{"kind":"Name","value":"firstStart"}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"allDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"districtKey"}},{"kind":"Field","name":{"kind":"Name","value":"district"}},{"kind":"Field","name":{"kind":"Name","value":"region"}}]}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OffersQuery, OffersQueryVariables>;
export const OfferByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completeness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adapter"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUrl"}}]}}]}}]}}]} as unknown as DocumentNode<OfferByIdQuery, OfferByIdQueryVariables>;
export const ProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"offerCount"}}]}}]}}]} as unknown as DocumentNode<ProvidersQuery, ProvidersQueryVariables>;
export const ProviderByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProviderById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProviderByIdQuery, ProviderByIdQueryVariables>;
export const ReviewQueueEvidenceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewQueueEvidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"openObjections"}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"moduleCodes"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"machineModules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewQueueEvidenceQuery, ReviewQueueEvidenceQueryVariables>;
export const DecideClassificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideClassification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClassificationDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideClassification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"moduleCodes"}},{"kind":"Field","name":{"kind":"Name","value":"needsReview"}},{"kind":"Field","name":{"kind":"Name","value":"relevant"}}]}}]}}]} as unknown as DocumentNode<DecideClassificationMutation, DecideClassificationMutationVariables>;
export const OfferHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OfferHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offerHistory"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"offerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]} as unknown as DocumentNode<OfferHistoryQuery, OfferHistoryQueryVariables>;
export const TaxonomyAreasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaxonomyAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taxonomy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"learningAreas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"guidingQuestion"}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"teachingUnits"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"teachingUnits"}},{"kind":"Field","name":{"kind":"Name","value":"inPersonUnits"}},{"kind":"Field","name":{"kind":"Name","value":"selfStudyUnits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalCurricula"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"modules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"crosswalk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moduleCode"}},{"kind":"Field","name":{"kind":"Name","value":"strength"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<TaxonomyAreasQuery, TaxonomyAreasQueryVariables>;