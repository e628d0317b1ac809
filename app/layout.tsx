import type { Metadata, Viewport } from 'next';
import { inter } from './fonts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Ratify', template: '%s · Ratify' },
  description: 'Ask your senators to ratify the treaties that protect people.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#1e3a8a' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans antialiased">{children}</body>
    </html>
  );
}
