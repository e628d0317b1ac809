import 'server-only';
import NextAuth from 'next-auth';
import { createAuthConfig } from './config';

// Lazy: the config reads the secret from the database, which must not happen at import or during
// `next build`. Each call builds a fresh config (cheap: the secret is cached per process).
export const { handlers, auth, signIn, signOut } = NextAuth(() => createAuthConfig());
