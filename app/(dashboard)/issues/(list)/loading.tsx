export { PageSkeleton as default } from "@/components/feedback/page-skeleton";
