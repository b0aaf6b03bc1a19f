import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Cluster, startThrowawayCluster } from './pg-cluster.js';
import { buildPgliteTemplate, buildPostgresTemplate } from './template.js';

let cluster: Cluster | null = null;
let tmp: string | null = null;

export async function setup(project: TestProject) {
  // `--project unit` alone needs no database: no template, no cluster
  const selected = project.vitest.projects;
  if (selected.length > 0 && selected.every((p) => p.config.provide?.noDatabase)) return;
  if ((process.env.TEST_DB ?? 'pglite') === 'postgres') {
    let url = process.env.TEST_DATABASE_URL;
    if (!url) {
      cluster = await startThrowawayCluster();
      url = cluster.url;
    }
    project.provide('pgUrl', url);
    await buildPostgresTemplate(url);
  } else {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dobroset-test-'));
    const file = path.join(tmp, 'template.tar');
    await buildPgliteTemplate(file);
    project.provide('pgliteTemplate', file);
  }
}

export async function teardown() {
  await cluster?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgliteTemplate: string;
    /** Set by the `unit` project (vitest.config.ts): its files open no database. */
    noDatabase: boolean;
  }
}
