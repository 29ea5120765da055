import type { WebModule } from '../../app/module';
import { importsStrings } from './strings';

/** The spreadsheet import dialog other modules open; it has no page of its own. */
export const importsModule: WebModule = { name: 'imports', routes: [], menu: [], strings: importsStrings };
