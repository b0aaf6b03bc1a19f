/** `dobroset shapes load <file.geojson>`: real municipal boundaries for any region. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { localDay } from '../../../shared/time-zone.js';
import { configFrom, withConfigFlags } from '../../cli/config-flags.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrateToLatest } from '../../platform/db/migrate.js';
import { ShapesError } from './geojson.js';
import { loadShapesFromText, type ShapesReport } from './load-shapes.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

export function printShapesReport(report: ShapesReport, dryRun: boolean) {
  const count = report.matched.reduce((n, m) => n + m.municipalities.length, 0);
  print(
    `${dryRun ? 'Would load' : 'Loaded'} ${report.matched.length} features onto ${count} municipality records.`,
  );
  if (report.unmatched.length) {
    print(`Unmatched features (${report.unmatched.length}), give them an "oktmo" or the Russian "name":`);
    for (const u of report.unmatched) print(`  feature ${u.feature}: ${u.label}`);
  }
  if (report.withoutShape.length) {
    print(`Municipalities in force with no shape yet (${report.withoutShape.length}):`);
    for (const name of report.withoutShape) print(`  ${name}`);
  }
}

export function registerShapesCommand(program: Command) {
  const shapes = program.command('shapes').description('Municipality shapes for the coverage map');
  withConfigFlags(
    shapes
      .command('load')
      .description(
        'Load municipal boundaries from a GeoJSON FeatureCollection (Polygon/MultiPolygon, WGS 84); ' +
          'features are matched by an "oktmo" property, a "slug" or the Russian name',
      )
      .argument('<file>', 'GeoJSON file')
      .option('--dry-run', 'Check and match only; write nothing'),
    'database',
  ).action(async (file: string, options) => {
    const config = configFrom(options);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
      process.exitCode = 4;
      return;
    }
    const handle = await openDatabase({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      lockCommand: 'dobroset shapes load',
    });
    try {
      await migrateToLatest(handle.db);
      const region = await handle.db
        .selectFrom('regions')
        .select('timezone')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      const now = new Date();
      const report = await loadShapesFromText(handle.db, text, {
        today: localDay(now, region?.timezone ?? 'UTC'),
        now,
        dryRun: Boolean(options.dryRun),
      });
      printShapesReport(report, Boolean(options.dryRun));
    } catch (error) {
      if (!(error instanceof ShapesError)) throw error;
      process.stderr.write(`${file}: ${error.message}\n`);
      process.exitCode = 4;
    } finally {
      await handle.close();
    }
  });
}
