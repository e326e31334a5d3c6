import '../shared/base.css';
import '../terminal/terminal.css';
import './rating.css';
import { mountTerminal } from '../terminal/mount';
import { RatingApp } from './rating-app';

mountTerminal('rating', 'rating.title', (context) => <RatingApp context={context} />);
