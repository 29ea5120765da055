import { describeFuzz } from './fuzz-harness';

describeFuzz(0, 2);
