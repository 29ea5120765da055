import { z } from 'zod';
import { ROLES } from '../roles';
import { passwordSchema } from './common';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  /** The authenticator's 6-digit code, or a recovery code, once the account has a second factor. */
  code: z.string().trim().min(1).max(20).optional(),
});
export type Login = z.infer<typeof loginSchema>;

export const changePasswordSchema = z.strictObject({
  oldPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});
export type ChangePassword = z.infer<typeof changePasswordSchema>;

export const currentUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  enterpriseId: z.number().int().nullable(),
  mustChangePassword: z.boolean(),
  secondFactorEnabled: z.boolean(),
  /** The role requires a second factor and the user has none yet: only the set-up is open. */
  mustEnrolSecondFactor: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** Enrolment of an authenticator app: the secret as text and as an `otpauth://` address for the QR code. */
export const secondFactorSetupSchema = z.object({ secret: z.string(), uri: z.string() });
export type SecondFactorSetup = z.infer<typeof secondFactorSetupSchema>;

export const secondFactorCodeSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export type SecondFactorCode = z.infer<typeof secondFactorCodeSchema>;

/** Shown once, when the second factor is turned on or the codes are renewed. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;
