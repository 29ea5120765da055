import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { isDatabaseEmpty, prepareEmptyDatabase } from './bootstrap';
import { readConfig } from './config';
import { purgeExpiredAudit, verifyAuditChain } from './core/audit';
import { BackupFileError, restoreBackup, writeBackup } from './core/backup';
import { INSTANCE_ID, runDailyJobsOnce } from './core/job-runs';
import { loadSheddingFor } from './core/load-shedding';
import { readDistrictSettings } from './core/settings';
import { openDatabase } from './db/connection';
import { seedDemoDistrict } from './demo/load-demo';
import { MODULES } from './modules';

const DAILY_JOBS = MODULES.flatMap((module) => module.jobs);

const USAGE = `用法 / usage: kechuang <command>
  serve [--no-demo]     启动服务（空的内置数据库自动载入演示数据）
  migrate               执行数据库迁移
  seed --demo           载入任城区演示数据（仅限空数据库）
  audit-verify          校验审计日志哈希链
  audit-purge           删除超过保留期的审计日志
  backup [--to DIR]     备份数据库（含附件）到一个文件，附带清单与校验和（默认目录 ./backups）
  restore FILE [--force]  从备份文件恢复（先完整校验；目标库已有账号时需 --force）
  remind                执行每日任务（服务运行时每日自动执行）：${DAILY_JOBS.map((job) => job.description).join('、')}`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      'no-demo': { type: 'boolean' },
      to: { type: 'string' },
      force: { type: 'boolean' },
    },
  });
  const command = positionals[0] ?? 'serve';
  const config = readConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (command) {
      case 'migrate':
        await handle.migrate();
        print('数据库迁移完成 / migrations applied');
        return 0;
      case 'seed': {
        await handle.migrate();
        if (!values.demo) {
          print('请使用 seed --demo');
          return 2;
        }
        if (!(await isDatabaseEmpty(handle.db))) {
          print('数据库非空，未载入演示数据 / database is not empty');
          return 1;
        }
        const { enterprises } = await seedDemoDistrict(handle.db);
        print(`已载入演示数据：${enterprises.length} 家企业`);
        return 0;
      }
      case 'audit-verify': {
        await handle.migrate();
        const result = await verifyAuditChain(handle.db);
        if (result.isIntact) {
          print(`审计日志完整：已校验 ${result.checked} 条 / audit chain intact (${result.checked} rows)`);
          return 0;
        }
        print(
          `审计日志被篡改：第 ${result.firstBrokenId} 条（${result.problem}） / audit chain broken at row ${result.firstBrokenId}: ${result.problem}`,
        );
        return 1;
      }
      case 'audit-purge': {
        await handle.migrate();
        const { auditRetentionDays } = await readDistrictSettings(handle.db);
        const deleted = await purgeExpiredAudit(handle.db, auditRetentionDays);
        print(`已删除超过 ${auditRetentionDays} 天的审计日志 ${deleted} 条`);
        return 0;
      }
      case 'backup': {
        await handle.migrate();
        const result = await writeBackup(handle.db, {
          directory: values.to ?? path.resolve('backups'),
          kind: handle.kind,
        });
        const rows = result.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        print(
          `已备份 ${result.manifest.tables.length} 张表、${rows} 行，${(result.bytes / 1024 / 1024).toFixed(1)} MB：${result.file}`,
        );
        return 0;
      }
      case 'restore': {
        const file = positionals[1];
        if (!file) {
          print(USAGE);
          return 2;
        }
        await handle.migrate();
        try {
          const result = await restoreBackup(handle.db, { file, force: values.force });
          print(
            `已恢复 ${result.tables} 张表、${result.rows} 行（备份于 ${result.header.createdAt}），审计日志校验通过 ${result.auditRowsVerified} 条`,
          );
          return 0;
        } catch (error) {
          if (!(error instanceof BackupFileError)) throw error;
          print(`未恢复：${error.message}`);
          return 1;
        }
      }
      case 'remind': {
        await handle.migrate();
        const now = new Date();
        for (const job of DAILY_JOBS) print(await job.run(handle.db, now));
        return 0;
      }
      case 'serve': {
        await handle.migrate();
        const withDemo =
          handle.kind === 'pglite' && !values['no-demo'] && process.env.KECHUANG_DEMO !== 'false';
        await prepareEmptyDatabase(handle.db, { withDemo, print });
        const { app } = await buildApp({
          db: handle.db,
          logger: {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
          },
          webDistDir: config.webDistDir,
          secureCookies: config.secureCookies,
          loadShedding: loadSheddingFor(handle.kind),
        });
        const shutdown = async () => {
          await app.close();
          await handle.close();
          process.exit(0);
        };
        process.once('SIGTERM', shutdown);
        process.once('SIGINT', shutdown);
        await app.listen({ port: config.port, host: config.host });
        // Daily jobs: each runs once a day across every instance on the database (`job_runs`).
        const runDailyJobs = async () => {
          const outcomes = await runDailyJobsOnce(handle.db, DAILY_JOBS).catch((error) => {
            app.log.error({ err: error }, 'daily jobs not run');
            return [];
          });
          for (const { job, isRun, outcome, error } of outcomes) {
            if (error) app.log.error({ err: error, job }, 'daily job failed');
            else
              app.log.info(
                { job, instance: INSTANCE_ID },
                isRun ? (outcome ?? '') : 'run by another instance today',
              );
          }
        };
        void runDailyJobs();
        // Asked hourly, so a day is never missed whenever the instance started; the claim keeps it once a day.
        const dailyTimer = setInterval(runDailyJobs, 60 * 60 * 1000);
        dailyTimer.unref();
        print(
          `科创平台已启动：http://localhost:${config.port}  （数据库：${handle.kind === 'pglite' ? `内置 ${config.dataDir}` : 'PostgreSQL'}）`,
        );
        return -1;
      }
      default:
        print(USAGE);
        return 2;
    }
  } finally {
    if (command !== 'serve') await handle.close();
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
