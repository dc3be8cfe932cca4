import { mergeMessages } from '../../messages';
import { compare } from './compare';
import { editor } from './editor';
import { exports } from './exports';
import { plan } from './plan';
import { roles } from './roles';
import { screens } from './screens';
import { layout } from './layout';
import { workshop } from './workshop';

/** 繁體中文 (zh-Hant). Terms follow docs/glossary.md. */
export const zhHant = mergeMessages(screens, editor, compare, exports, plan, workshop, roles, layout);
