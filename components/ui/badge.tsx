export type BadgeProps = { children: React.ReactNode; tone?: "gray" | "blue" | "amber" | "green" | "red"; title?: string };

/** A small label; its look is `.badge` and `.badge-TONE` in globals.css (badges repeat in long lists). */
export function Badge({ children, tone = "gray", title }: BadgeProps) {
  return (
    <span title={title} className={`badge badge-${tone}`}>
      {children}
    </span>
  );
}
