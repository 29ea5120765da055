import { describeFuzz } from './fuzz-harness';

describeFuzz(1, 2);
