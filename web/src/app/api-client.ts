import type { FormInstance } from 'antd';
import { showErrorMessage } from './feedback';
import { currentLanguage } from './i18n';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: ApiErrorDetail[]; requestId?: string };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | undefined;
  /** The app already answered this error by moving to the login or password page. */
  isRedirected = false;
  /** Sent before the user logged in or out; nobody needs to hear about it. */
  isFromPreviousSession = false;
  /** The server's Retry-After on a 429 or 503, in seconds. */
  retryAfterSeconds = 1;

  constructor(status: number, body: ApiErrorBody | null) {
    const fallback =
      currentLanguage() === 'en' ? `Request failed (${status})` : `请求失败（${status}），请稍后再试`;
    super(body?.error?.message ?? fallback);
    this.status = status;
    this.code = body?.error?.code ?? 'unknown';
    this.details = body?.error?.details ?? [];
    this.requestId = body?.error?.requestId;
  }
}

/** What the app does when the server says the session is gone or a password change is due. */
interface SessionHandlers {
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
  onSecondFactorEnrolmentRequired: () => void;
}

let sessionHandlers: SessionHandlers = {
  onUnauthenticated: () => window.location.assign('/login'),
  onPasswordChangeRequired: () => window.location.assign('/change-password'),
  onSecondFactorEnrolmentRequired: () => window.location.assign('/account/second-factor'),
};

export function setSessionHandlers(handlers: SessionHandlers): void {
  sessionHandlers = handlers;
}

/**
 * Bumped on every login and logout. A 401 of a request sent before the change (a poll still in
 * flight while another user signs in) must not throw the new user out.
 */
let sessionEpoch = 0;

export function markSessionChanged(): void {
  sessionEpoch += 1;
}

type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, leaving out empty values; used for lists and their exports alike. */
export function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Leave a 401 to the caller (login form, the "who am I" probe) instead of redirecting. */
  isAuthProbe?: boolean;
  /** `Idempotency-Key`: the same key for the same intent makes a repeated click one write. */
  idempotencyKey?: string;
}

/** Tries of a request the server refused as busy (503), when sending it again cannot do harm. */
const BUSY_RETRIES = 2;

/**
 * Sends a request. A 503 ("系统繁忙") on a read, or on a write carrying an Idempotency-Key, is sent
 * again after the server's Retry-After (at most 3 s), twice at most, before the error is shown.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const isRepeatable =
    (options.method ?? 'GET') === 'GET' ||
    (options.idempotencyKey !== undefined && !(options.body instanceof FormData));
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendRequest<T>(path, options);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503 || !isRepeatable || attempt >= BUSY_RETRIES)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(error.retryAfterSeconds, 3) * 1000));
    }
  }
}

async function sendRequest<T>(path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const epoch = sessionEpoch;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, {
      error: {
        code: 'network',
        message: currentLanguage() === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络',
      },
    });
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data as ApiErrorBody | null);
    error.retryAfterSeconds = Number(response.headers.get('retry-after')) || 1;
    if (response.status === 401 && !options.isAuthProbe) {
      error.isRedirected = true;
      if (epoch === sessionEpoch) sessionHandlers.onUnauthenticated();
      else error.isFromPreviousSession = true;
    }
    if (response.status === 403 && error.code === 'passwordChangeRequired') {
      error.isRedirected = true;
      sessionHandlers.onPasswordChangeRequired();
    }
    if (response.status === 403 && error.code === 'secondFactorEnrolmentRequired') {
      error.isRedirected = true;
      sessionHandlers.onSecondFactorEnrolmentRequired();
    }
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>(path),
  post: <T>(path: string, body: unknown = {}, options: { idempotencyKey?: string } = {}) =>
    apiRequest<T>(path, { method: 'POST', body, ...options }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  /** A file upload (multipart); the browser sets the boundary. */
  upload: <T>(path: string, form: FormData) => apiRequest<T>(path, { method: 'POST', body: form }),
};

/** Turns an API error path ("streets.2") into an antd name path (['streets', 2]). */
function toNamePath(path: string): (string | number)[] {
  return path
    .split('.')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

interface ErrorHandling {
  /** The form whose fields should show the server's per-field messages. */
  form?: FormInstance;
  /** Called on 409 versionConflict, to reload the record that changed. */
  onConflict?: () => void;
}

/** Shows an API error in the user's language, on the form fields where it names them. */
export function handleApiError(error: unknown, handling: ErrorHandling = {}): void {
  if (!(error instanceof ApiError)) {
    showErrorMessage(error instanceof Error ? error.message : String(error));
    return;
  }
  if (error.isFromPreviousSession) return;
  showErrorMessage(error.message, error.isRedirected ? error.code : undefined);
  if (error.isRedirected) return;
  if (handling.form && error.details.length > 0) {
    const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
    const addError = (name: (string | number)[], text: string) => {
      const key = name.join('.');
      const entry = fields.get(key) ?? { name, errors: [] };
      entry.errors.push(text);
      fields.set(key, entry);
    };
    for (const detail of error.details) {
      const name = toNamePath(detail.path);
      if (name.length === 0) continue;
      addError(name, detail.message);
      // A list edited as one control (Select mode="tags") shows its items' errors on itself.
      if (name.length > 1) addError([name[0]], detail.message);
    }
    handling.form.setFields([...fields.values()]);
  }
  if (error.status === 409 && error.code === 'versionConflict') handling.onConflict?.();
}
