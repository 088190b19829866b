import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'admin',
  USER = 'user',
}
registerEnumType(Role, { name: 'Role', description: 'What a caller may do: ADMIN implies USER' });

/** The caller as the gateway sees it, from the verified token. */
@ObjectType({ description: 'Who is calling, from the verified bearer token', simpleResolvers: true })
export class Viewer {
  @Field({ description: 'The subject (user id) of the token' })
  sub!: string;

  @Field({ description: 'The tenant every query and mutation of this caller works in' })
  tenant!: string;

  @Field(() => [Role])
  roles!: Role[];
}
