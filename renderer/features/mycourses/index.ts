export { MyCoursesScreen } from './MyCoursesScreen';
