import { en } from './en';
import { enCompare } from './en-compare';
import { enExports } from './en-exports';
import { enPlan } from './en-plan';
import { enRoles } from './en-roles';
import { enLayout } from './en-layout';
import { enWorkshop } from './en-workshop';
import { mergeMessages } from './messages';

/** The whole English catalogue, the one every other language is checked against. */
export const enAll = mergeMessages(en, enCompare, enExports, enPlan, enWorkshop, enRoles, enLayout);
