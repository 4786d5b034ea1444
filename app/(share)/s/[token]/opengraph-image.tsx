import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { getSharePreview } from "@/lib/data/share-links";
import { organizationName } from "@/lib/organization";

export const dynamic = "force-dynamic";
export const alt = "A shared brief: the issue and its key figures";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The link preview of a share page: the title (or the claim) and its key figures. Dead links get a 404. */
export default async function Image({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const preview = await getSharePreview(token);
  if (!preview) notFound();
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 64,
        background: "#fbfaf7",
        color: "#111827",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 28, color: "#1d4ed8", fontWeight: 700 }}>{`${organizationName()} · Brief`}</div>
        <div style={{ display: "flex", fontSize: preview.title.length > 90 ? 44 : 64, fontWeight: 700, marginTop: 24, lineHeight: 1.15 }}>{preview.title}</div>
        {preview.subtitle ? <div style={{ display: "flex", fontSize: 28, color: "#4b5563", marginTop: 20 }}>{preview.subtitle.slice(0, 140)}</div> : null}
      </div>
      <div style={{ display: "flex", gap: 56 }}>
        {preview.figures.map((figure) => (
          <div key={figure.label} style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", fontSize: 72, fontWeight: 700 }}>{figure.value}</div>
            <div style={{ display: "flex", fontSize: 26, color: "#4b5563" }}>{figure.label}</div>
          </div>
        ))}
      </div>
    </div>,
    { ...size, headers: { "Cache-Control": "no-store" } },
  );
}
