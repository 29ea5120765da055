import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { isDatabaseEmpty, prepareEmptyDatabase } from './bootstrap';
import { readConfig } from './config';
import { purgeExpiredAudit, verifyAuditChain } from './core/audit';
import { readDistrictSettings } from './core/settings';
import { openDatabase } from './db/connection';
import { seedDemoDistrict } from './demo/seed-demo';
import { sendExpiryReminders } from './modules/cultivation/certificate-reminders';
import { sendPublicityEndedReminders } from './modules/projects/plan-reminders';
import { sendProgressReportReminders } from './modules/projects/report-reminders-service';
import { sendReviewDeadlineReminders } from './modules/reviews/deadline-reminders';

const USAGE = `用法 / usage: kechuang <command>
  serve [--no-demo]     启动服务（空的内置数据库自动载入演示数据）
  migrate               执行数据库迁移
  seed --demo           载入任城区演示数据（仅限空数据库）
  audit-verify          校验审计日志哈希链
  audit-purge           删除超过保留期的审计日志
  remind                发送高企证书到期、执行情况报告、公示期满和评审截止提醒（服务运行时每日自动执行）`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { demo: { type: 'boolean' }, 'no-demo': { type: 'boolean' } },
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
      case 'remind': {
        await handle.migrate();
        const asOf = new Date().toISOString().slice(0, 10);
        const sent = await sendExpiryReminders(handle.db, asOf);
        print(`已发送高企证书到期提醒 ${sent} 条`);
        const reports = await sendProgressReportReminders(handle.db, asOf);
        print(`已发送执行情况报告到期提醒 ${reports.reminded} 条、逾期通知 ${reports.overdue} 条`);
        const ended = await sendPublicityEndedReminders(handle.db, asOf);
        print(`已发送公示期满提醒 ${ended} 条`);
        const reviews = await sendReviewDeadlineReminders(handle.db, new Date());
        print(`已发送评审截止提醒 ${reviews} 条`);
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
        });
        const shutdown = async () => {
          await app.close();
          await handle.close();
          process.exit(0);
        };
        process.once('SIGTERM', shutdown);
        process.once('SIGINT', shutdown);
        await app.listen({ port: config.port, host: config.host });
        // Daily jobs: reminders are claimed row by row, so several instances may run them safely.
        const runDailyJobs = async () => {
          const asOf = new Date().toISOString().slice(0, 10);
          await sendExpiryReminders(handle.db, asOf).catch((error) =>
            app.log.error({ err: error }, 'expiry reminders failed'),
          );
          await sendProgressReportReminders(handle.db, asOf).catch((error) =>
            app.log.error({ err: error }, 'progress report reminders failed'),
          );
          await sendPublicityEndedReminders(handle.db, asOf).catch((error) =>
            app.log.error({ err: error }, 'publicity reminders failed'),
          );
          await sendReviewDeadlineReminders(handle.db, new Date()).catch((error) =>
            app.log.error({ err: error }, 'review deadline reminders failed'),
          );
        };
        void runDailyJobs();
        const dailyTimer = setInterval(runDailyJobs, 24 * 60 * 60 * 1000);
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
