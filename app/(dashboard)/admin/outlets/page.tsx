import type { Metadata } from "next";
import { MergeOutletsForm, OutletRowForms } from "@/components/admin/outlet-forms";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { listOutlets } from "@/lib/data/outlets";

export const metadata: Metadata = { title: "Outlets" };

export default async function OutletsPage() {
  await requirePageUser("/admin/outlets", "admin");
  const outlets = await listOutlets();
  return (
    <>
      <PageHeader
        title="Outlets"
        description="Rename an outlet, give its site address, or merge two that are one. Briefs, share pages and exports show the new names once the analysis that a change starts has run."
      />
      <MergeOutletsForm outlets={outlets} />
      <div className="mt-6">
        <DataTable caption="Outlets" columns={["Outlet", "Articles", "Name and site address"]}>
          {outlets.map((outlet) => (
            <tr key={outlet.id}>
              <th scope="row" className="px-4 py-2 text-left font-medium">
                {outlet.name}
                <p className="text-xs font-normal text-gray-600">{outlet.domain ?? "No site address"}</p>
              </th>
              <td className="px-4 py-2">{outlet.articleCount}</td>
              <td className="px-4 py-2">
                <OutletRowForms outlet={outlet} />
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
      {outlets.length === 0 ? <p className="mt-4 text-sm text-gray-600">No outlets yet: articles saved with an outlet add one.</p> : null}
    </>
  );
}
