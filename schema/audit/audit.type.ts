import { ArgsType, Field, ID, Int, ObjectType } from "type-graphql";
import { PageArgs } from "../common/pagination.ts";

@ObjectType("AuditEvent", { description: "Eine Änderung: wer, wann, was, vorher, nachher, warum." })
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => Date) at!: Date;
  @Field(() => String) actorType!: string;
  @Field(() => String, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => String) action!: string;
  @Field(() => String) entityType!: string;
  @Field(() => String, { nullable: true }) entityId!: string | null;
  @Field(() => String, { nullable: true, description: "Zustand vorher als JSON-Text." }) before!: string | null;
  @Field(() => String, { nullable: true, description: "Zustand nachher als JSON-Text." }) after!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType("AuditEventConnection")
export class AuditEventConnection {
  @Field(() => [AuditEventType]) items!: AuditEventType[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true, description: "Für den Parameter after der nächsten Seite." }) endCursor!:
    string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ArgsType()
export class AuditEventArgs extends PageArgs {
  @Field(() => String, { nullable: true }) entityType?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
}
