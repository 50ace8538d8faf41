import { Arg, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { LearningFormatEnum } from "../common/enums.ts";
import type { LearningFormatCode } from "./codes.ts";
import { CrosswalkEntryType, LearningAreaType, ModuleType, TaxonomyType } from "./taxonomy.type.ts";
import { learningAreaByCode, modulesOfArea, moduleByCode, taxonomy } from "./taxonomy.ts";

/** The curriculum is code-reviewed data, served from memory: no query touches the database. */
@Resolver(() => TaxonomyType)
export class TaxonomyResolver {
  @Query(() => TaxonomyType, {
    description: "Das Curriculum: Lernbereiche, Module, Lernformate, Aufgabenfelder, Zielgruppen.",
  })
  taxonomy(): TaxonomyType {
    return taxonomy as unknown as TaxonomyType;
  }

  @Query(() => ModuleType, { nullable: true, description: "Ein Modul nach Code (M01–M18, V01–V11)." })
  module(@Arg("code", () => String) code: string): ModuleType | undefined {
    return moduleByCode(code.toUpperCase()) as ModuleType | undefined;
  }

  @FieldResolver(() => [ModuleType])
  modules(
    @Root() root: TaxonomyType,
    @Arg("format", () => LearningFormatEnum, { nullable: true }) format?: LearningFormatCode | null,
  ): ModuleType[] {
    return root.modules.filter((m) => !format || m.format === format);
  }
}

@Resolver(() => LearningAreaType)
export class LearningAreaResolver {
  @FieldResolver(() => [ModuleType], { description: "Die Module dieses Lernbereichs, Basis und Vertiefung." })
  modules(@Root() area: LearningAreaType): ModuleType[] {
    return [...modulesOfArea(area.code)] as ModuleType[];
  }
}

@Resolver(() => ModuleType)
export class ModuleResolver {
  @FieldResolver(() => String)
  learningAreaCode(@Root() module: ModuleType): string {
    return module.learningArea;
  }

  @FieldResolver(() => LearningAreaType)
  learningArea(@Root() module: ModuleType): LearningAreaType {
    return learningAreaByCode(module.learningArea) as LearningAreaType;
  }
}

@Resolver(() => CrosswalkEntryType)
export class CrosswalkEntryResolver {
  @FieldResolver(() => String)
  moduleCode(@Root() entry: CrosswalkEntryType): string {
    return entry.module;
  }

  @FieldResolver(() => ModuleType)
  module(@Root() entry: CrosswalkEntryType): ModuleType {
    return moduleByCode(entry.module) as ModuleType;
  }
}
