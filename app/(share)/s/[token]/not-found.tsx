export default function ShareNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This link does not work</h1>
      <p className="mx-auto mt-3 max-w-md text-gray-700">The link may be mistyped, or it has expired or been revoked. Ask whoever sent it for a new one.</p>
    </div>
  );
}
