import type { ModuleManifest } from '../../core/module';
import { seedExpertsDemo } from '../../demo/seed-experts';
import { sendReviewDeadlineReminders } from './deadline-reminders';
import { registerReviewRoutes } from './routes';

/** Expert review: 专家库, rounds, conflicts, assignment, the expert portal and results. */
export const reviewsModule: ModuleManifest = {
  name: 'reviews',
  routes: registerReviewRoutes,
  demo: {
    // The demo rounds review applications of the demo calls.
    after: ['plan-calls'],
    run: async (context) => {
      await seedExpertsDemo(context.db, {
        enterprises: context.enterprises,
        staff: context.staff,
        expertUsers: context.expertUsers,
        today: context.today,
      });
      return undefined;
    },
  },
  imports: [],
  notificationKinds: [
    'reviews.invitation',
    'reviews.sheet-reopened',
    'reviews.reminder',
    'reviews.deadline-near',
    'reviews.expert-declined',
  ],
  jobs: [
    {
      name: 'review-deadline-reminders',
      description: '评审截止提醒',
      run: async (db, now) => `已发送评审截止提醒 ${await sendReviewDeadlineReminders(db, now)} 条`,
    },
  ],
  indicators: [],
};
