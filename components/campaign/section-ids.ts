// In-page anchors the thank-you view links to (shared by server and client components).
export const SHARE_SECTION_ID = 'share-campaign';
