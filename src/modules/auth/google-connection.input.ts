import { Field, InputType } from 'type-graphql';

@InputType({ description: 'From the Google API Console: Credentials → OAuth client ID (web application)' })
export class SetGoogleClientCredentialsInput {
  @Field()
  clientId!: string;

  @Field({ description: 'Write-only: stored encrypted, never returned' })
  clientSecret!: string;
}

@InputType({ description: 'What Google appended to the redirect URL, for frontends that receive it themselves' })
export class AuthorizeGoogleInput {
  @Field()
  code!: string;

  @Field()
  state!: string;
}

@InputType({ description: "A service account's JSON key (Google Cloud console → IAM → Service accounts → Keys → Add key → JSON)" })
export class SetGoogleServiceAccountInput {
  @Field({ description: 'The whole key file. Write-only: its private key is stored encrypted, never returned or logged' })
  keyJson!: string;
}
