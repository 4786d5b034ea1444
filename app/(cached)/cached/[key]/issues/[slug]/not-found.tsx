export { default } from "@/app/(dashboard)/issues/[slug]/not-found";
