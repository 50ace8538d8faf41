import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { badInput } from "./errors.ts";

/** Relay-style paging: `first` is bounded so no request can ask for the whole catalogue. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: "Anzahl der Einträge (1–100, Standard 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor aus pageInfo.endCursor der vorigen Seite." })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput("first", `first muss zwischen 1 und ${MAX_PAGE_SIZE} liegen.`);
  }
  return first;
}

/** Cursors are opaque to clients: base64url of the position in the ordered result. */
export function encodeCursor(position: number): string {
  return Buffer.from(`o:${position}`).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) throw badInput("after", "Ungültiger Cursor.");
  return Number(match[1]) + 1;
}
