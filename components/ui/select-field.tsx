export type SelectOption = { value: string; label: string };

export type SelectFieldProps = {
  id: string;
  name: string;
  label: string;
  /** The selected value; none (or "") selects the "any" option. */
  defaultValue?: string;
  /** Text of a first option with the empty value ("Any", "All sources"); leave out when the field always has a value. */
  anyLabel?: string;
  options: readonly SelectOption[];
  /**
   * Whether a selected value that is not among the options (an outlet or a speaker from an old link) is
   * shown as an option of its own, rather than the field falling back to the first option.
   */
  keepsUnknownValue?: boolean;
};

const FIELD = "block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

/** A labelled `<select>` of a filter form; no state of its own, so it renders on the server as well as in client forms. */
export function SelectField({ id, name, label, defaultValue, anyLabel, options, keepsUnknownValue = false }: SelectFieldProps) {
  const isUnknown = keepsUnknownValue && Boolean(defaultValue) && !options.some((option) => option.value === defaultValue);
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-gray-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} className={FIELD}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {isUnknown ? <option value={defaultValue}>{defaultValue}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
