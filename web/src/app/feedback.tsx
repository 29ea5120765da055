import { App } from 'antd';
import { useEffect } from 'react';

type Feedback = ReturnType<typeof App.useApp>;

let feedback: Feedback | null = null;

/**
 * antd's message and notification need the App context (theme, locale); this bridge lets code
 * outside components (the api client, query caches) use the same instances.
 */
export function FeedbackBridge() {
  const app = App.useApp();
  useEffect(() => {
    feedback = app;
  }, [app]);
  return null;
}

/** Same `key` replaces the message on screen, so a burst of equal errors shows once. */
export function showErrorMessage(text: string, key?: string): void {
  feedback?.message.error({ content: text, key });
}

export function showSuccessMessage(text: string): void {
  feedback?.message.success(text);
}
