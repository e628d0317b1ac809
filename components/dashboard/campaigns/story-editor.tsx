'use client';

import { useId, useState } from 'react';
import { CampaignStory } from '@/components/campaign/campaign-story';
import { useHydrated } from '@/components/campaign/use-client-value';
import { TextAreaField } from '@/components/ui/field';
import { STORY_MAX } from '@/lib/campaigns/schemas';

/**
 * The story's Markdown beside its rendering, with the public page's renderer (raw HTML dropped).
 * With JS the preview follows the typing; without it, a "Preview story" button submits the form
 * without saving and the server renders what was typed.
 */
export function StoryEditor({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const [story, setStory] = useState(defaultValue);
  const hydrated = useHydrated();
  const headingId = useId();
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <div className="space-y-2">
        <TextAreaField
          label="Story (Markdown)"
          name="storyMd"
          rows={18}
          maxLength={STORY_MAX}
          defaultValue={defaultValue}
          onChange={(e) => setStory(e.target.value)}
          error={error}
          hint="## for a heading, - for a list, **bold**, [link text](https://…). HTML and images are not shown."
        />
        {!hydrated && (
          <button
            type="submit"
            name="intent"
            value="preview"
            className="min-h-11 rounded-md border border-slate-500 bg-white px-4 text-sm font-semibold hover:bg-slate-50"
          >
            Preview story
          </button>
        )}
      </div>
      <section aria-labelledby={headingId} className="min-w-0">
        <h3 id={headingId} className="font-medium">
          Story preview
        </h3>
        <p className="text-sm text-muted">{hydrated ? 'Updates as you type. Not saved until you save.' : 'The story as last saved or previewed.'}</p>
        <div className="mt-1 rounded-md border border-slate-200 bg-white p-4">
          {story.trim() ? <CampaignStory markdown={story} /> : <p className="text-muted">Nothing to preview yet.</p>}
        </div>
      </section>
    </div>
  );
}
