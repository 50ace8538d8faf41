import { print } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { pino } from "pino";
import { createGateway, type Gateway } from "../../gateway/server.ts";
import type { Database } from "../../prisma/database.ts";
import type { Viewer } from "../../schema/common/context.ts";
import { hubSchema } from "../../schema/build-schema.ts";
import type { DemandRecorder } from "../../schema/demand/demand.recorder.ts";

export interface GraphqlResult<T> {
  data: T | null | undefined;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
}

/**
 * The whole GraphQL stack in-process (executeOperation), as in apollo-server's own tests.
 * `now` fixes the request clock for tests whose answers depend on the date.
 */
export async function testGateway(
  db: Database,
  options: { env?: "production" | "development"; now?: () => Date; demand?: DemandRecorder } = {},
) {
  const gateway: Gateway = await createGateway({
    db,
    schema: await hubSchema(),
    logger: pino({ level: "silent" }),
    env: options.env ?? "production",
    introspection: true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.demand ? { demand: options.demand } : {}),
  });
  async function run<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars>,
    variables?: TVars,
    viewer?: Viewer,
  ): Promise<GraphqlResult<TData>> {
    const response = await gateway.execute(print(document), variables, viewer);
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    const { data, errors } = response.body.singleResult;
    return { data: data as TData | null | undefined, errors: errors as GraphqlResult<TData>["errors"] };
  }
  async function raw<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    viewer?: Viewer,
  ): Promise<GraphqlResult<T>> {
    const response = await gateway.execute(query, variables, viewer);
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    const { data, errors } = response.body.singleResult;
    return { data: data as T | null | undefined, errors: errors as GraphqlResult<T>["errors"] };
  }
  return { gateway, run, raw };
}
