export type BadgeProps = { children: React.ReactNode; tone?: "gray" | "blue" | "amber" | "green" | "red"; title?: string };

const TONES: Record<NonNullable<BadgeProps["tone"]>, string> = {
  gray: "bg-gray-100 text-gray-800 ring-gray-300",
  blue: "bg-blue-50 text-blue-800 ring-blue-200",
  amber: "bg-amber-50 text-amber-900 ring-amber-200",
  green: "bg-green-50 text-green-800 ring-green-200",
  red: "bg-red-50 text-red-800 ring-red-200",
};

export function Badge({ children, tone = "gray", title }: BadgeProps) {
  return (
    <span title={title} className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>
      {children}
    </span>
  );
}
