import { mergeMessages } from '../../messages';
import { compare } from './compare';
import { editor } from './editor';
import { exports } from './exports';
import { plan } from './plan';
import { roles } from './roles';
import { screens } from './screens';
import { layout } from './layout';
import { workshop } from './workshop';

/** Bahasa Melayu (ms). Terms follow docs/glossary.md. */
export const ms = mergeMessages(screens, editor, compare, exports, plan, workshop, roles, layout);
