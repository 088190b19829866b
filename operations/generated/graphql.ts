/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
};

/** A tenant's server caches were dropped on every gateway process; clear client caches too */
export type CacheResetEvent = {
  __typename?: 'CacheResetEvent';
  at: Scalars['DateTime']['output'];
  /** Why: "manual", "google-authorized", … */
  reason: Scalars['String']['output'];
  /** The subject who asked for it, if a person did */
  requestedBy?: Maybe<Scalars['String']['output']>;
  tenant: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Drops every server-side cache of the caller's tenant on every gateway process and notifies frontends (cacheReset) */
  resetCaches: CacheResetEvent;
};

export type Query = {
  __typename?: 'Query';
  /** The caller's tenant */
  tenant: Tenant;
  /** Who is calling */
  viewer: Viewer;
};

/** What a caller may do: ADMIN implies USER */
export type Role =
  | 'ADMIN'
  | 'USER';

export type Subscription = {
  __typename?: 'Subscription';
  /** The caller's tenant had its server caches dropped: clear client caches */
  cacheReset: CacheResetEvent;
};

/** The company (legal entity) whose data a caller works with */
export type Tenant = {
  __typename?: 'Tenant';
  createdAt: Scalars['DateTime']['output'];
  /** The tenant key carried by bearer tokens */
  id: Scalars['ID']['output'];
};

/** Who is calling, from the verified bearer token */
export type Viewer = {
  __typename?: 'Viewer';
  roles: Array<Role>;
  /** The subject (user id) of the token */
  sub: Scalars['String']['output'];
  /** The tenant every query and mutation of this caller works in */
  tenant: Scalars['String']['output'];
};

export type ResetCachesMutationVariables = Exact<{ [key: string]: never; }>;


export type ResetCachesMutation = { __typename?: 'Mutation', resetCaches: { __typename?: 'CacheResetEvent', tenant: string, reason: string, at: string, requestedBy?: string | null } };

export type CacheResetSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CacheResetSubscription = { __typename?: 'Subscription', cacheReset: { __typename?: 'CacheResetEvent', tenant: string, reason: string, at: string } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', sub: string, tenant: string, roles: Array<Role> }, tenant: { __typename?: 'Tenant', id: string, createdAt: string } };


export const ResetCachesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetCaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetCaches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}}]}}]}}]} as unknown as DocumentNode<ResetCachesMutation, ResetCachesMutationVariables>;
export const CacheResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CacheReset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cacheReset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<CacheResetSubscription, CacheResetSubscriptionVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sub"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;