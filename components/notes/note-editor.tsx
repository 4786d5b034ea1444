"use client";

import { useId, useRef, useState } from "react";

export type Mentionable = { handle: string; name: string };

export type NoteEditorProps = {
  name: string;
  label: string;
  teammates: Mentionable[];
  defaultValue?: string;
  autoFocus?: boolean;
};

const TRIGGER = /(^|[^\w@.])@([\w.+-]*)$/;

/** A Markdown textarea that suggests teammates after “@” (arrow keys to choose, Enter or Tab to insert, Escape to close). */
export function NoteEditor({ name, label, teammates, defaultValue = "", autoFocus }: NoteEditorProps) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  const matches =
    query === null
      ? []
      : teammates
          .filter((teammate) => teammate.handle.startsWith(query.toLowerCase()) || teammate.name.toLowerCase().includes(query.toLowerCase()))
          .slice(0, 6);

  const update = () => {
    const element = area.current;
    if (!element) return;
    const before = element.value.slice(0, element.selectionStart);
    const match = TRIGGER.exec(before);
    setQuery(match ? (match[2] ?? "") : null);
    setActive(0);
  };

  const insert = (teammate: Mentionable) => {
    const element = area.current;
    if (!element) return;
    const caret = element.selectionStart;
    const before = element.value.slice(0, caret).replace(/@[\w.+-]*$/, `@${teammate.handle} `);
    element.value = before + element.value.slice(caret);
    element.setSelectionRange(before.length, before.length);
    element.focus();
    setQuery(null);
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        ref={area}
        id={id}
        name={name}
        rows={3}
        required
        maxLength={10_000}
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-controls={matches.length > 0 ? `${id}-mentions` : undefined}
        aria-activedescendant={matches.length > 0 ? `${id}-mention-${active}` : undefined}
        onInput={update}
        onClick={update}
        onBlur={() => window.setTimeout(() => setQuery(null), 150)}
        onKeyDown={(event) => {
          if (matches.length === 0) return;
          if (event.key === "ArrowDown") setActive((index) => (index + 1) % matches.length);
          else if (event.key === "ArrowUp") setActive((index) => (index - 1 + matches.length) % matches.length);
          else if (event.key === "Enter" || event.key === "Tab") insert(matches[active] ?? matches[0]!);
          else if (event.key === "Escape") setQuery(null);
          else return;
          event.preventDefault();
        }}
        placeholder="Markdown; @ to mention a teammate"
        className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm"
      />
      {matches.length > 0 ? (
        <ul
          id={`${id}-mentions`}
          role="listbox"
          aria-label="Teammates"
          className="absolute z-10 mt-1 w-72 rounded-md border border-gray-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((teammate, index) => (
            <li
              key={teammate.handle}
              id={`${id}-mention-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                insert(teammate);
              }}
              className={`cursor-pointer px-3 py-1.5 ${index === active ? "bg-blue-50" : ""}`}
            >
              <span className="font-medium">{teammate.name}</span> <span className="text-gray-500">@{teammate.handle}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
