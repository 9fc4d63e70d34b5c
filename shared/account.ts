import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;

/** Emails are compared trimmed and lower-cased, so "Ada@School.org " signs in as ada@school.org. */
export const emailSchema = z.string().trim().toLowerCase().max(254, 'an email has at most 254 characters').pipe(z.email('enter a valid email address'));

/** Length is what makes a password strong; a long run of one or two characters is refused too. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(128, 'use at most 128 characters')
  .refine((password) => new Set(password).size >= 5, 'use more different characters');

export const signUpSchema = z.object({ email: emailSchema, password: newPasswordSchema });
export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, 'enter your password').max(128) });
export type Credentials = z.infer<typeof signInSchema>;

export const accountSchema = z.object({ id: z.string(), email: z.string() });
export type Account = z.infer<typeof accountSchema>;

/** What the dashboard asks first: who is signed in, and whether games can be hosted without an account. */
export const meSchema = z.object({
  account: accountSchema.nullable(),
  openMode: z.boolean(),
  /** Set when this reply gave the browser its anonymous-host cookie (open mode): the socket must reconnect to carry it. */
  cookieIssued: z.boolean().optional(),
});
export type Me = z.infer<typeof meSchema>;
