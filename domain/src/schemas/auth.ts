import { z } from 'zod';
import { ROLES } from '../roles';
import { passwordSchema } from './common';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
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
});
export type CurrentUser = z.infer<typeof currentUserSchema>;
