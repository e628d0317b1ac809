/** Host staff choose which partner to look at (a plain GET form: works without JS). Partners never see it. */
export function OrganisationPicker({ partners, current, action }: { partners: { id: string; name: string }[]; current: string; action: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3">
      <label className="block">
        <span className="block font-medium">Partner</span>
        <select name="organisationId" defaultValue={current} className="mt-1 min-h-11 rounded-md border border-slate-500 bg-white px-3">
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="min-h-11 rounded-md border border-brand-700 px-4 font-semibold text-brand-700">
        Show
      </button>
    </form>
  );
}
