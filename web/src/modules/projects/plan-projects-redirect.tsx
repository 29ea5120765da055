import { Navigate, useSearchParams } from 'react-router';

/**
 * The former 任务书与拨付 pages: their list is the project list now, and `?project=ID` (old links and
 * bookmarks) opens that project's 任务书 tab.
 */
export function PlanProjectsRedirect({ base }: { base: string }) {
  const [params] = useSearchParams();
  const id = Number(params.get('project'));
  return <Navigate to={Number.isInteger(id) && id > 0 ? `${base}/${id}?tab=contract` : base} replace />;
}
