import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLUpload, type FileUpload } from 'graphql-upload-minimal';
import { PrinterSource } from './print-server.entity';
import { PrinterState } from './printer-state';

@InputType({ description: 'All given criteria apply together' })
export class PrinterFilter {
  @Field(() => PrinterSource, { nullable: true }) source?: PrinterSource | null;
  @Field(() => PrinterState, { nullable: true }) state?: PrinterState | null;
  @Field(() => String, { nullable: true, description: 'Words in the name, description, location or make and model' }) search?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Also printers gone at their source (default false)' }) includeRemoved?: boolean | null;
}

@InputType()
export class AddPrintServerInput {
  @Field({ description: 'ipp://, ipps://, http:// or https:// address of the server, e.g. ipp://print.example.com:631' }) uri!: string;
  @Field() name!: string;
}

@InputType({ description: 'The file goes as a multipart request (GraphQL multipart request spec) with the header Apollo-Require-Preflight' })
export class SubmitPrintJobInput {
  @Field(() => ID) printerId!: string;
  @Field(() => GraphQLUpload, { description: 'The document; its format is read from its bytes' }) file!: Promise<FileUpload>;
  @Field(() => Int, { nullable: true, description: 'Default 1; within the printer’s copies range' }) copies?: number | null;
  @Field(() => String, { nullable: true, description: 'Default: the uploaded file name' }) documentName?: string | null;
}
