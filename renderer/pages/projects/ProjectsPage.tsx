import { useHashRoute } from '../../components/useHashRoute';
import BudgetEditor from './BudgetEditor';
import ProjectList from './ProjectList';

/** 项目预算: #/projects is the list, #/projects/<id> the budget editor. */
export default function ProjectsPage() {
  const route = useHashRoute();
  const id = Number(route[1]);
  return Number.isInteger(id) && id > 0 ? <BudgetEditor key={id} id={id} /> : <ProjectList />;
}
