/**
 * Password rule of 等保2.0 三级 (GB/T 22239-2019 8.1.4.1): at least 8 characters from at least
 * three of four classes. Where OWASP ASVS argues against composition rules we follow 等保.
 */
export const PASSWORD_MIN_LENGTH = 8;

export function countPasswordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
}

export function isStrongPassword(password: string): boolean {
  return (
    password.length >= PASSWORD_MIN_LENGTH && password.length <= 128 && countPasswordClasses(password) >= 3
  );
}
