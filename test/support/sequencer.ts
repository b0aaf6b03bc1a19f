/**
 * Runs the `slow` project's files first, then `db`, then `unit` (each longest first, as Vitest's own
 * sequencer orders them): the long files start while the short ones still fill the other worker, so no
 * minute-long file is left running alone at the end. (Vitest orders projects by name otherwise.)
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const ORDER = ['slow', 'db', 'unit'];

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = ORDER.indexOf(spec.project.name);
      return i === -1 ? ORDER.length : i;
    };
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}
