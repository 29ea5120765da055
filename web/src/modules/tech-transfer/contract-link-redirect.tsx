import { Navigate, useLocation, useParams } from 'react-router';
import { useAuth } from '../../app/auth-context';
import { PageLoading } from '../../app/guards';

/**
 * `/tech-transfer/contracts/:id`, the link the registry's notices carry: each role's own page for
 * the contract (the seller's filing page, the desk's drawer, the observer's list).
 */
export function ContractLinkRedirect() {
  const { user, isLoading } = useAuth();
  const { id } = useParams();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const contractId = id && /^\d+$/.test(id) ? id : null;
  if (user.role === 'enterprise')
    return (
      <Navigate
        to={contractId ? `/enterprise/tech-contracts/${contractId}` : '/enterprise/tech-contracts'}
        replace
      />
    );
  if (user.role === 'observer')
    return (
      <Navigate
        to={`/bureau/observer/tech-contracts${contractId ? `?tab=all&open=${contractId}` : ''}`}
        replace
      />
    );
  if (user.role === 'staff' || user.role === 'leader')
    return (
      <Navigate to={`/bureau/tech-contracts${contractId ? `?tab=all&open=${contractId}` : ''}`} replace />
    );
  return <Navigate to="/" replace />;
}
