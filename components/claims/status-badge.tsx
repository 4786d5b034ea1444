import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABEL } from "@/lib/validations/claims";

const TONE: Record<ReviewStatus, NonNullable<BadgeProps["tone"]>> = {
  unreviewed: "gray",
  confirmed: "green",
  disputed: "amber",
  false: "red",
  not_a_claim: "blue",
};

export type StatusBadgeProps = { status: ReviewStatus };

export function StatusBadge({ status }: StatusBadgeProps) {
  return <Badge tone={TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}
