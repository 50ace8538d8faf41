import { Field, InputType, ObjectType } from "type-graphql";
import { ProviderType } from "./provider.type.ts";

@InputType("RegisterProviderInput", {
  description: "Selbstregistrierung eines Fortbildungsträgers; wird von Analyst*innen geprüft.",
})
export class RegisterProviderInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String) contactEmail!: string;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType("UpdateMyProviderInput", { description: "Eigene Angaben ändern; nicht angegebene Felder bleiben." })
export class UpdateMyProviderInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactEmail?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@ObjectType("IssuedToken", { description: "Ein neues API-Token. Der Wert wird nur dieses eine Mal angezeigt." })
export class IssuedTokenType {
  @Field(() => String) token!: string;
  @Field(() => String, { description: "Öffentlicher Teil, zum Widerrufen." }) prefix!: string;
}

@ObjectType("ProviderApproval")
export class ProviderApprovalType {
  @Field(() => ProviderType) provider!: ProviderType;
  @Field(() => IssuedTokenType, {
    nullable: true,
    description: "Nur bei Freigabe: das Token des Anbieters (einmalig sichtbar).",
  })
  token!: IssuedTokenType | null;
}
