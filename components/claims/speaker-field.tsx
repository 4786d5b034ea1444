"use client";

import { useEffect, useRef, useState } from "react";

export type SpeakerFieldProps = {
  id: string;
  name: string;
  label: string;
  /** The speaker's name as the field first shows it. */
  defaultValue?: string;
  /** The speakers suggested before anything is typed (the most quoted). */
  suggestions: { slug: string; name: string }[];
  /** What the empty field means (default "Any"). */
  placeholder?: string;
  /** The label's classes, to match the form around the field. */
  labelClassName?: string;
};

type Suggestion = { slug: string; name: string };

const FIELD = "block w-full rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm";

/**
 * A speaker typed by name, with suggestions: the most quoted to start with, then, as the editor types,
 * the speakers whose name contains the words typed (`GET /api/speakers`). The form sends the name; the
 * queue finds the speaker by it. Without JavaScript the first suggestions still show, and any name can be
 * typed in full.
 */
export function SpeakerField({
  id,
  name,
  label,
  defaultValue,
  suggestions,
  placeholder = "Any",
  labelClassName = "mb-1 block text-xs font-medium text-gray-700",
}: SpeakerFieldProps) {
  const [options, setOptions] = useState<Suggestion[]>(suggestions);
  const asked = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      asked.current?.abort();
    },
    [],
  );

  const search = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      asked.current?.abort();
      const controller = new AbortController();
      asked.current = controller;
      fetch(`/api/speakers?${new URLSearchParams({ q: text.trim() })}`, { signal: controller.signal, headers: { accept: "application/json" } })
        .then(async (response) => {
          if (!response.ok) return;
          const body = (await response.json()) as { items: Suggestion[] };
          setOptions(body.items);
        })
        // A search cut short by the next keystroke, or a network blip, leaves the suggestions as they were.
        .catch(() => undefined);
    }, 200);
  };

  const listId = `${id}-suggestions`;
  return (
    <div>
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        list={listId}
        maxLength={200}
        autoComplete="off"
        defaultValue={defaultValue ?? ""}
        placeholder={placeholder}
        onChange={(event) => search(event.currentTarget.value)}
        className={FIELD}
      />
      <datalist id={listId} data-testid={listId}>
        {options.map((option) => (
          <option key={option.slug} value={option.name} />
        ))}
      </datalist>
    </div>
  );
}
